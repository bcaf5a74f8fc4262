package io.mercato.instant;

import java.util.List;

/**
 * Assigns pending deliveries to online riders. A round runs the greedy step (a first answer in milliseconds, written
 * at once) and then the solver's re-plan within its budget (written when better). The timer runs a round every few
 * seconds, and sooner when an order arrives, a rider declines or goes on or off line.
 */
public interface Dispatch {

    /** Runs a round now and returns its steps (greedy, then solver when it ran). */
    List<DispatchRound> round();

    /** Asks for a round at the timer's next tick. */
    void replanSoon();
}
