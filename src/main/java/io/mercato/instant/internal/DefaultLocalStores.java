package io.mercato.instant.internal;

import io.mercato.instant.LocalStore;
import io.mercato.instant.LocalStoreSettings;
import io.mercato.instant.LocalStores;
import io.mercato.instant.Position;
import io.mercato.instant.Quote;
import io.mercato.instant.Rider;
import io.mercato.merchant.Store;
import io.mercato.merchant.StoreKind;
import io.mercato.merchant.Stores;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.Money;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DefaultLocalStores implements LocalStores {

    /** When no rider is online, the quote assumes one is this many minutes away. */
    private static final double NO_RIDER_WAIT_MINUTES = 15;

    private final StoreProfiles profiles;
    private final RiderRoster riders;
    private final Stores stores;
    private final Clock clock;

    DefaultLocalStores(StoreProfiles profiles, RiderRoster riders, Stores stores, Clock clock) {
        this.profiles = profiles;
        this.riders = riders;
        this.stores = stores;
        this.clock = clock;
    }

    @Override
    @Transactional
    public LocalStore configure(Actor actor, long storeId, LocalStoreSettings settings) {
        Store store = stores.requireManagedBy(actor, storeId);
        if (store.kind() != StoreKind.LOCAL) {
            throw new ConflictException(Text.of("instant.store.notLocalKind", storeId, store.kind()));
        }
        profiles.put(storeId, settings, store.currency(), clock.instant());
        return view(new StoreProfiles.Profile(storeId, settings, store.currency()), store);
    }

    @Override
    public Optional<LocalStore> find(long storeId) {
        return profiles.find(storeId).map(p -> view(p, stores.get(p.storeId())));
    }

    @Override
    public List<LocalStore> all() {
        return profiles.all().stream().map(p -> view(p, stores.get(p.storeId()))).toList();
    }

    LocalStore require(long storeId) {
        return find(storeId).orElseThrow(() -> new NotFoundException(Text.of("instant.store.notLocal", storeId)));
    }

    @Override
    public Quote quote(long storeId, Position buyer) {
        return quote(require(storeId), buyer, riders.onlineWithPosition(), clock.instant());
    }

    @Override
    public List<Quote> reachable(Position buyer) {
        List<Rider> online = riders.onlineWithPosition();
        Instant now = clock.instant();
        return all().stream().map(store -> quote(store, buyer, online, now))
                .filter(q -> q.deliverable() && q.withinHalfHour())
                .sorted(Comparator.comparingInt(Quote::etaMinutes)).toList();
    }

    /** Preparation and the nearest online rider's ride to the store overlap; then the ride to the buyer. */
    static Quote quote(LocalStore store, Position buyer, List<Rider> online, Instant now) {
        double wait = NO_RIDER_WAIT_MINUTES;
        for (Rider rider : online) {
            if (rider.position() != null) {
                wait = Math.min(wait, Travel.minutes(rider.position(), store.location()));
            }
        }
        double minutes = Math.max(store.prepMinutes(), wait) + Travel.SERVICE_MINUTES
                + Travel.minutes(store.location(), buyer) + Travel.SERVICE_MINUTES;
        int eta = (int) Math.ceil(minutes);
        return new Quote(store.storeId(), store.name(), store.delivers(buyer), store.openAt(now), eta, eta <= 30,
                Math.round(Travel.metres(store.location(), buyer)), store.deliveryFee(), store.subsidy());
    }

    private static LocalStore view(StoreProfiles.Profile p, Store store) {
        LocalStoreSettings s = p.settings();
        return new LocalStore(p.storeId(), store.name(), s.location(), s.timeZone(), s.opens(), s.closes(),
                s.prepMinutes(), s.zone(), Money.of(s.deliveryFeeMinor(), p.currency()), s.commissionBasisPoints(),
                Money.of(s.riderPayMinor(), p.currency()), Money.of(s.subsidyMinor(), p.currency()));
    }
}
