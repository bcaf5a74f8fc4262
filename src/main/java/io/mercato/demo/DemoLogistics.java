package io.mercato.demo;

import io.mercato.fulfillment.Logistics;
import io.mercato.fulfillment.Logistics.NewTemplate;
import io.mercato.fulfillment.Logistics.NewWarehouse;
import io.mercato.fulfillment.Logistics.Rate;
import io.mercato.fulfillment.ServiceKind;
import io.mercato.identity.Account;
import io.mercato.identity.Accounts;
import io.mercato.merchant.Store;
import io.mercato.merchant.StoreKind;
import io.mercato.merchant.Stores;
import io.mercato.platform.Actor;
import io.mercato.platform.Role;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After the demo marketplace and before the demo trades: three carriers with their services and lanes, China's
 * holidays, a consolidation hub, and a warehouse and shipping template for every demo store, so that product pages
 * quote promises and the demo orders keep them. Runs once: skipped when the carrier SF exists. The carriers' secrets
 * are kept for {@link DemoShipments}, which posts the demo parcels' tracking events as the carriers would.
 */
@Component
@Order(105)
@ConditionalOnProperty(name = "mercato.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoLogistics implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLogistics.class);

    private final Accounts accounts;
    private final Stores stores;
    private final Logistics logistics;
    private final TransactionTemplate transactions;
    private final Map<String, String> secrets = new HashMap<>();

    DemoLogistics(Accounts accounts, Stores stores, Logistics logistics, TransactionTemplate transactions) {
        this.accounts = accounts;
        this.stores = stores;
        this.logistics = logistics;
        this.transactions = transactions;
    }

    /** The secret of a carrier this run created, or null after a restart (the secrets are shown once). */
    @Nullable String secret(String code) {
        return secrets.get(code);
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<Account> operatorAccount = accounts.operators().stream().findFirst();
        if (operatorAccount.isEmpty() || accounts.findByEmail("taobao@mercato.demo").isEmpty()) {
            return;
        }
        Actor operator = new Actor(operatorAccount.get().id(), Role.OPERATOR);
        if (logistics.carriers(operator).stream().anyMatch(carrier -> carrier.code().equals("SF"))) {
            return;
        }
        transactions.executeWithoutResult(status -> seed(operator));
        log.info("Demo logistics: carriers SF, ZTO and CAINIAO with their lanes, a consolidation hub, a warehouse and template per demo store");
    }

    private void seed(Actor operator) {
        long sf = carrier(operator, "SF", "SF Express 顺丰速运");
        long zto = carrier(operator, "ZTO", "ZTO Express 中通快递");
        long cainiao = carrier(operator, "CAINIAO", "Cainiao 菜鸟");
        long nextDay = logistics.addService(operator, sf, "ND", ServiceKind.NEXT_DAY, "Next day 次日达").id();
        long standard = logistics.addService(operator, zto, "STD", ServiceKind.STANDARD, "Standard 标准快递").id();
        long halfDay = logistics.addService(operator, cainiao, "HD", ServiceKind.HALF_DAY, "Half-day 半日达").id();
        long global = logistics.addService(operator, cainiao, "G5", ServiceKind.GLOBAL_5_DAY, "Global 5-day 全球5日达").id();
        for (String origin : List.of("CN-ZHEJIANG", "CN-SHANGHAI")) {
            logistics.putLane(operator, nextDay, origin, "CN", 1);
            logistics.putLane(operator, standard, origin, "CN", 3);
            logistics.putLane(operator, standard, origin, "CN-ZHEJIANG", 2);
            logistics.putLane(operator, standard, origin, "CN-SHANGHAI", 2);
        }
        logistics.putLane(operator, halfDay, "CN-ZHEJIANG", "CN-ZHEJIANG", 0);
        logistics.putLane(operator, halfDay, "CN-ZHEJIANG", "CN-HANGZHOU", 0);
        logistics.putLane(operator, global, "CN-GUANGDONG", "*", 5);
        logistics.putLane(operator, global, "CN-GUANGDONG", "CN", 2);
        logistics.addHoliday(operator, "CN", LocalDate.of(2027, 1, 1), "New Year's Day 元旦");
        for (int day = 8; day <= 12; day++) {
            logistics.addHoliday(operator, "CN", LocalDate.of(2027, 2, day), "Spring Festival 春节");
        }
        logistics.addWarehouse(operator, new NewWarehouse(null, "Choice hub Shenzhen 深圳集运仓", "Shenzhen", "Guangdong", "CN",
                "Asia/Shanghai", LocalTime.of(18, 0), true));

        record Plan(String email, String name, String city, String province, LocalTime cutoff, long service) {
        }
        List<Plan> plans = List.of(
                new Plan("taobao@mercato.demo", "Hangzhou DC 杭州仓", "Hangzhou", "Zhejiang", LocalTime.of(17, 0), standard),
                new Plan("tmall@mercato.demo", "Shanghai flagship DC 上海仓", "Shanghai", "Shanghai", LocalTime.of(16, 0), nextDay),
                new Plan("local@mercato.demo", "West Lake store 西湖门店", "Hangzhou", "Zhejiang", LocalTime.of(11, 0), halfDay),
                new Plan("global@mercato.demo", "Guangzhou export DC 广州出口仓", "Guangzhou", "Guangdong", LocalTime.of(15, 0), global),
                new Plan("wholesale@mercato.demo", "Yiwu DC 义乌仓", "Yiwu", "Zhejiang", LocalTime.of(17, 30), standard));
        for (Plan plan : plans) {
            Optional<Account> owner = accounts.findByEmail(plan.email());
            if (owner.isEmpty()) {
                continue;
            }
            Actor seller = new Actor(owner.get().id(), Role.SELLER);
            for (Store store : stores.ownedBy(owner.get().id())) {
                ship(seller, store, plan.name(), plan.city(), plan.province(), plan.cutoff(), plan.service());
            }
        }
        for (Store store : stores.ownedBy(operator.accountId())) {
            if (store.kind() == StoreKind.SUPERMARKET) {
                ship(operator, store, "Mercato Supermarket Hangzhou 猫超杭州仓", "Hangzhou", "Zhejiang", LocalTime.of(12, 0), halfDay);
            }
        }
    }

    private long carrier(Actor operator, String code, String name) {
        var added = logistics.addCarrier(operator, code, name);
        secrets.put(code, added.secret());
        return added.carrier().id();
    }

    private void ship(Actor seller, Store store, String name, String city, String province, LocalTime cutoff, long service) {
        long warehouse = logistics.addWarehouse(seller, new NewWarehouse(store.id(), name, city, province, "CN", "Asia/Shanghai",
                cutoff, false)).id();
        logistics.putTemplate(seller, store.id(), new NewTemplate(warehouse, service, 9_900L,
                List.of(new Rate("CN", 800, 200), new Rate("*", 6_000, 2_000))));
    }
}
