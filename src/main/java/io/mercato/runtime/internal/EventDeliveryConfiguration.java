package io.mercato.runtime.internal;

import java.util.concurrent.Executor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Runs the {@code @ApplicationModuleListener}s (which are {@code @Async} on the default executor) on a few threads
 * with a queue. Boot's executor with virtual threads starts a thread per event, so the demo seed's few hundred
 * {@code ProductChanged} ran at once, emptied the connection pool and left their publications incomplete.
 */
@Configuration(proxyBeanMethods = false)
class EventDeliveryConfiguration {

    @Bean
    ThreadPoolTaskExecutor eventListenerExecutor(EventDeliveryProperties events, DatabaseProperties database) {
        int threads = events.concurrencyFor(database.poolSize());
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(events.queueCapacity());
        executor.setThreadNamePrefix("event-");
        // A delivery still queued at shutdown stays incomplete in the registry and is made up after the restart.
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        // Beyond the queue a delivery is put off rather than block the publishing thread: its publication stays
        // incomplete, for IncompletePublications to resubmit.
        executor.setRejectedExecutionHandler(new DeferredDeliveries());
        return executor;
    }

    /** Makes the executor above the one {@code @Async} uses when a method names none, as the listeners do. */
    @Bean
    AsyncConfigurer eventListenerAsyncConfigurer(ThreadPoolTaskExecutor eventListenerExecutor) {
        return new AsyncConfigurer() {
            @Override
            public Executor getAsyncExecutor() {
                return eventListenerExecutor;
            }
        };
    }
}
