package io.mercato;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Random chains of actions on a model, with every invariant checked after setup and after every step: the
 * action-chain style of property test. Each try runs from its own seed; a failing try is reported with that
 * seed, the steps it took and a shorter chain that fails the same way, and {@code -Dmercato.seed=<seed>} runs
 * exactly that try again. Built on {@link Random} rather than a property-testing library because the models
 * here drive a running application: a step costs HTTP calls, so what matters is a seed that replays, a
 * readable step log and a shrinker that stays within a budget of replays.
 *
 * <p>Instances are immutable; every {@code with..} returns a new chain.
 */
public final class ActionChain<M> {

    /** Runs one try with this seed instead of {@link #withTries random tries}. */
    public static final String SEED_PROPERTY = "mercato.seed";
    /** Overrides the number of tries, for a longer run on a quiet machine. */
    public static final String TRIES_PROPERTY = "mercato.tries";
    /** Every step draws this many numbers, from which it picks its account, order, amount and so on. */
    public static final int DRAWS = 3;
    /** The draws lie in {@code [0, DRAW_BOUND)}. */
    public static final int DRAW_BOUND = 10_000;

    private final Supplier<? extends M> start;
    private final List<Action<M>> actions;
    private final List<Invariant<M>> invariants;
    private final List<Consumer<? super M>> cleanups;
    private final int tries;
    private final int steps;
    private final int shrinkReplays;

    private ActionChain(Supplier<? extends M> start, List<Action<M>> actions, List<Invariant<M>> invariants,
            List<Consumer<? super M>> cleanups, int tries, int steps, int shrinkReplays) {
        this.start = start;
        this.actions = List.copyOf(actions);
        this.invariants = List.copyOf(invariants);
        this.cleanups = List.copyOf(cleanups);
        this.tries = tries;
        this.steps = steps;
        this.shrinkReplays = shrinkReplays;
    }

    /** A chain whose every try starts from a fresh model made by {@code start}. */
    public static <M> ActionChain<M> startWith(Supplier<? extends M> start) {
        return new ActionChain<>(start, List.of(), List.of(), List.of(), 100, 25, 30);
    }

    /**
     * An action chosen with probability proportional to {@code weight} among those whose precondition holds.
     * The step receives {@value #DRAWS} random numbers; it may throw (an {@link AssertionError} for a response
     * the application must never give), which fails the try like a broken invariant.
     */
    public ActionChain<M> withAction(int weight, String name, Predicate<? super M> precondition,
            BiConsumer<? super M, List<Integer>> step) {
        if (weight < 1) {
            throw new IllegalArgumentException("Action '" + name + "' has weight " + weight + "; weights start at 1");
        }
        if (actions.stream().anyMatch(action -> action.name().equals(name))) {
            throw new IllegalArgumentException("Action '" + name + "' is already in the chain; names identify steps in replays");
        }
        List<Action<M>> more = new ArrayList<>(actions);
        more.add(new Action<>(name, weight, precondition, step));
        return new ActionChain<>(start, more, invariants, cleanups, tries, steps, shrinkReplays);
    }

    /** Something that holds after setup and after every step; it signals a breach by throwing. */
    public ActionChain<M> withInvariant(String name, Consumer<? super M> check) {
        List<Invariant<M>> more = new ArrayList<>(invariants);
        more.add(new Invariant<>(name, check));
        return new ActionChain<>(start, actions, more, cleanups, tries, steps, shrinkReplays);
    }

    /** Runs after every try and every shrinking replay, passed or failed, for example to undo a deliberate corruption. */
    public ActionChain<M> withCleanup(Consumer<? super M> cleanup) {
        List<Consumer<? super M>> more = new ArrayList<>(cleanups);
        more.add(cleanup);
        return new ActionChain<>(start, actions, invariants, more, tries, steps, shrinkReplays);
    }

    /** How many chains to run (unless {@value #TRIES_PROPERTY} or {@value #SEED_PROPERTY} says otherwise). */
    public ActionChain<M> withTries(int tries) {
        return new ActionChain<>(start, actions, invariants, cleanups, tries, steps, shrinkReplays);
    }

    /** How many steps each chain takes, unless no action's precondition holds before that. */
    public ActionChain<M> withSteps(int steps) {
        return new ActionChain<>(start, actions, invariants, cleanups, tries, steps, shrinkReplays);
    }

    /** How many replays a failure may spend on finding a shorter chain that fails the same way (0: none). */
    public ActionChain<M> withShrinkReplays(int replays) {
        return new ActionChain<>(start, actions, invariants, cleanups, tries, steps, replays);
    }

    /**
     * Runs the tries, each from a new random seed, or the one try named by {@code -Dmercato.seed}. Prints how
     * often each action ran, so a chain that never reaches an interesting state shows.
     *
     * @throws AssertionError for the first failing try, naming the seed, the steps and the shrunk chain
     */
    public void check() {
        String fixed = System.getProperty(SEED_PROPERTY);
        List<Long> seeds;
        if (fixed != null && !fixed.isBlank()) {
            seeds = List.of(Long.parseLong(fixed.strip()));
        } else {
            Random seedSource = new Random(ThreadLocalRandom.current().nextLong());
            int count = Integer.getInteger(TRIES_PROPERTY, tries);
            seeds = IntStream.range(0, count).mapToObj(i -> seedSource.nextLong()).toList();
        }
        Map<String, Integer> ran = new LinkedHashMap<>();
        actions.forEach(action -> ran.put(action.name(), 0));
        int stepsTaken = 0;
        for (int i = 0; i < seeds.size(); i++) {
            long seed = seeds.get(i);
            List<Step> taken = new ArrayList<>();
            Failure failure = run(new Random(seed), null, taken);
            if (failure != null) {
                throw report(seed, i + 1, seeds.size(), taken, failure);
            }
            taken.forEach(step -> ran.merge(step.action(), 1, Integer::sum));
            stepsTaken += taken.size();
        }
        System.out.println("[action chain] " + seeds.size() + " tries, " + stepsTaken + " steps passed: "
                + ran.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
    }

    /**
     * One chain: generated from {@code random}, or the {@code replay} steps in order (skipping those whose
     * precondition no longer holds). The steps actually applied are added to {@code taken}.
     */
    private @Nullable Failure run(@Nullable Random random, @Nullable List<Step> replay, List<Step> taken) {
        M model;
        try {
            model = start.get();
        } catch (RuntimeException | AssertionError e) {
            return new Failure("setting up the model", e);
        }
        try {
            Failure broken = checkInvariants(model, "after setup");
            if (broken != null) {
                return broken;
            }
            int count = replay == null ? steps : replay.size();
            for (int i = 0; i < count; i++) {
                Action<M> action;
                List<Integer> draws;
                if (replay == null) {
                    List<Action<M>> enabled = actions.stream().filter(candidate -> candidate.precondition().test(model)).toList();
                    if (enabled.isEmpty()) {
                        break;
                    }
                    action = pick(enabled, random);
                    draws = IntStream.range(0, DRAWS).mapToObj(n -> random.nextInt(DRAW_BOUND)).toList();
                } else {
                    Step step = replay.get(i);
                    action = action(step.action());
                    draws = step.draws();
                    if (!action.precondition().test(model)) {
                        continue;
                    }
                }
                taken.add(new Step(action.name(), draws));
                try {
                    action.step().accept(model, draws);
                } catch (RuntimeException | AssertionError e) {
                    return new Failure("step '" + action.name() + "'", e);
                }
                broken = checkInvariants(model, "after step " + taken.size());
                if (broken != null) {
                    return broken;
                }
            }
            return null;
        } finally {
            for (Consumer<? super M> cleanup : cleanups) {
                cleanup.accept(model);
            }
        }
    }

    private @Nullable Failure checkInvariants(M model, String when) {
        for (Invariant<M> invariant : invariants) {
            try {
                invariant.check().accept(model);
            } catch (RuntimeException | AssertionError e) {
                return new Failure("invariant '" + invariant.name() + "' " + when, e);
            }
        }
        return null;
    }

    private Action<M> pick(List<Action<M>> enabled, Random random) {
        int total = enabled.stream().mapToInt(Action::weight).sum();
        int ticket = random.nextInt(total);
        for (Action<M> action : enabled) {
            ticket -= action.weight();
            if (ticket < 0) {
                return action;
            }
        }
        throw new IllegalStateException("weights changed while picking");
    }

    private Action<M> action(String name) {
        return actions.stream().filter(action -> action.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No action '" + name + "' in this chain"));
    }

    private AssertionError report(long seed, int tryNumber, int tryCount, List<Step> taken, Failure failure) {
        Shrunk shrunk = shrink(taken, failure);
        StringBuilder message = new StringBuilder()
                .append("Try ").append(tryNumber).append(" of ").append(tryCount).append(" failed: ")
                .append(failure.where()).append('\n')
                .append("Seed ").append(seed).append(": replay this try with -D").append(SEED_PROPERTY).append('=').append(seed)
                .append(replayHint(seed)).append('\n')
                .append("Steps (").append(taken.size()).append("):\n").append(list(taken));
        List<Step> shortest = shrunk.steps() != null ? shrunk.steps() : taken;
        Failure shown = shrunk.steps() != null ? shrunk.failure() : failure;
        message.append("Shortest failing chain found (").append(shortest.size()).append(shortest.size() == 1 ? " step" : " steps")
                .append(" after ").append(shrunk.replays()).append(shrunk.replays() == 1 ? " replay" : " replays")
                .append("), failing ").append(shown.where()).append(":\n").append(list(shortest));
        message.append("Cause: ").append(shown.cause());
        return new AssertionError(message.toString(), shown.cause());
    }

    /**
     * Looks for a shorter chain that fails at the same place: first the failing step alone, then the chain
     * with ever smaller blocks of steps left out, within the replay budget.
     */
    private Shrunk shrink(List<Step> taken, Failure failure) {
        List<Step> best = null;
        Failure bestFailure = failure;
        int replays = 0;
        if (taken.size() > 1 && replays < shrinkReplays) {
            replays++;
            List<Step> applied = new ArrayList<>();
            Failure alone = run(null, List.of(taken.getLast()), applied);
            if (alone != null && alone.sameKindAs(failure)) {
                return new Shrunk(applied, alone, replays);
            }
        }
        List<Step> current = taken;
        int block = Math.max(1, current.size() / 2);
        while (replays < shrinkReplays && current.size() > 1) {
            boolean removed = false;
            for (int from = 0; from < current.size() && replays < shrinkReplays; ) {
                List<Step> candidate = new ArrayList<>(current.subList(0, from));
                candidate.addAll(current.subList(Math.min(current.size(), from + block), current.size()));
                if (candidate.isEmpty()) {
                    from += block;
                    continue;
                }
                replays++;
                List<Step> applied = new ArrayList<>();
                Failure again = run(null, candidate, applied);
                if (again != null && again.sameKindAs(failure)) {
                    current = applied;
                    best = applied;
                    bestFailure = again;
                    removed = true;
                } else {
                    from += block;
                }
            }
            if (!removed) {
                if (block == 1) {
                    break;
                }
                block = Math.max(1, block / 2);
            }
        }
        return new Shrunk(best, bestFailure, replays);
    }

    /** ", for example ./mvnw test -Dtest=Class#method -Dmercato.seed=..." naming the test method that ran the chain. */
    private static String replayHint(long seed) {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(frame -> !frame.getClassName().startsWith(ActionChain.class.getName()))
                .filter(frame -> frame.getClassName().startsWith("io.mercato"))
                .findFirst()
                .map(frame -> ", for example ./mvnw test -Dtest="
                        + frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1).replaceAll("\\$.*", "")
                        + "#" + frame.getMethodName().replaceAll("^lambda\\$|\\$\\d+$", "") + " -D" + SEED_PROPERTY + "=" + seed)
                .orElse(""));
    }

    private static String list(List<Step> steps) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            list.append(String.format("  %2d. %s%n", i + 1, steps.get(i)));
        }
        return list.toString();
    }

    private record Action<M>(String name, int weight, Predicate<? super M> precondition,
            BiConsumer<? super M, List<Integer>> step) {
    }

    private record Invariant<M>(String name, Consumer<? super M> check) {
    }

    /** One step taken: the action's name and its draws, enough to replay it. */
    record Step(String action, List<Integer> draws) {

        @Override
        public String toString() {
            return action + " " + draws;
        }
    }

    /** Where a try failed ("invariant 'x' after step 7", "step 'pay'") and why. */
    private record Failure(String where, Throwable cause) {

        /** The same invariant or step failed, wherever in the chain. */
        boolean sameKindAs(Failure other) {
            return Objects.equals(kind(), other.kind());
        }

        private String kind() {
            int after = where.indexOf("' ");
            return after < 0 ? where : where.substring(0, after + 1);
        }
    }

    private record Shrunk(@Nullable List<Step> steps, Failure failure, int replays) {
    }
}
