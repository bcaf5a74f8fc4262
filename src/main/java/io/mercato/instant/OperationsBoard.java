package io.mercato.instant;

import java.util.List;

/** What the operations console shows: riders, stores, open deliveries with their ETAs, and the latest rounds. */
public record OperationsBoard(List<Rider> riders, List<LocalStore> stores, List<DeliveryTask> open,
        List<DispatchRound> rounds, long deliveredToday, long lateToday) {

    public OperationsBoard {
        riders = List.copyOf(riders);
        stores = List.copyOf(stores);
        open = List.copyOf(open);
        rounds = List.copyOf(rounds);
    }
}
