package io.mercato.instant.internal.dispatch;

/** A visit on a route: the pickup or the drop of a job. */
public record Stop(Job job, boolean pickup) {

    public Point point() {
        return pickup ? job.pickup() : job.drop();
    }

    double ready() {
        return pickup ? job.pickupReady() : job.dropReady();
    }

    double due() {
        return pickup ? job.pickupDue() : job.dropDue();
    }

    double service() {
        return pickup ? job.pickupService() : job.dropService();
    }

    int loadChange() {
        return pickup ? job.load() : -job.load();
    }
}
