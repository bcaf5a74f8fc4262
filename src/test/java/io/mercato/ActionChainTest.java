package io.mercato;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The property runner itself: it finds a planted bug, names a seed that replays it, and shrinks the chain. */
class ActionChainTest {

    /** A toy model with a bug that needs two particular steps: arming, then firing. */
    static final class Trap {
        boolean armed;
        boolean fired;
        final List<String> log = new ArrayList<>();
    }

    private final AtomicInteger models = new AtomicInteger();
    private final AtomicInteger cleanups = new AtomicInteger();

    @AfterEach
    void forgetTheSeed() {
        System.clearProperty(ActionChain.SEED_PROPERTY);
    }

    private ActionChain<Trap> trap() {
        return ActionChain.<Trap>startWith(() -> {
                    models.incrementAndGet();
                    return new Trap();
                })
                .withAction(6, "wait", trap -> true, (trap, draws) -> trap.log.add("wait " + draws))
                .withAction(1, "arm", trap -> !trap.armed, (trap, draws) -> trap.armed = true)
                .withAction(1, "fire", trap -> trap.armed, (trap, draws) -> trap.fired = true)
                .withInvariant("never fired", trap -> assertThat(trap.fired).as("fired").isFalse())
                .withCleanup(trap -> cleanups.incrementAndGet())
                .withTries(200)
                .withSteps(30);
    }

    @Test
    void aPlantedBugIsFoundAndShrunkToTheStepsThatCauseIt() {
        AssertionError failure = catchThrowableOfType(AssertionError.class, () -> trap().check());

        assertThat(failure.getMessage()).contains("failed: invariant 'never fired' after step ")
                .contains("Shortest failing chain found (2 steps")
                .containsPattern("\n   1\\. arm \\[\\d+, \\d+, \\d+]\n   2\\. fire \\[\\d+, \\d+, \\d+]\n");
        assertThat(failure.getCause()).hasMessageContaining("fired");
        assertThat(cleanups).as("every try and every replay was cleaned up").hasValue(models.get());
    }

    @Test
    void theReportedSeedReplaysTheSameSteps() {
        String first = catchThrowableOfType(AssertionError.class, () -> trap().check()).getMessage();
        Matcher seed = Pattern.compile("-Dmercato\\.seed=(-?\\d+)").matcher(first);
        assertThat(seed.find()).as("a seed in %s", first).isTrue();

        System.setProperty(ActionChain.SEED_PROPERTY, seed.group(1));
        String replayed = catchThrowableOfType(AssertionError.class, () -> trap().check()).getMessage();

        assertThat(replayed).startsWith("Try 1 of 1 failed");
        assertThat(steps(replayed)).isEqualTo(steps(first));
    }

    @Test
    void aChainWhoseInvariantsHoldRunsEveryTryToItsLastStep() {
        AtomicInteger steps = new AtomicInteger();
        ActionChain.startWith(() -> {
                    models.incrementAndGet();
                    return new Trap();
                })
                .withAction(1, "wait", trap -> true, (trap, draws) -> steps.incrementAndGet())
                .withInvariant("never fired", trap -> assertThat(trap.fired).isFalse())
                .withTries(7)
                .withSteps(5)
                .check();

        assertThat(models).hasValue(7);
        assertThat(steps).hasValue(35);
    }

    @Test
    void aStepThatThrowsFailsTheTryAndIsNamed() {
        ActionChain<Trap> chain = ActionChain.startWith(Trap::new)
                .withAction(1, "explode", trap -> true, (trap, draws) -> {
                    throw new IllegalStateException("boom at " + draws);
                })
                .withTries(1);

        assertThatThrownBy(chain::check).isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed: step 'explode'")
                .hasMessageContaining("Cause: java.lang.IllegalStateException: boom at [")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    /** The "Steps (n):" block of a report. */
    private static String steps(String report) {
        return report.substring(report.indexOf("Steps ("), report.indexOf("Shortest failing chain"));
    }
}
