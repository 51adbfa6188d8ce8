package dev.cruddur.admin.cacheengine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One cache's budgets on a clock the test moves: a second's worth at once, then the refill. */
class RateLimitBudgetTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aSecondsWorthOfOperationsPassesAtOnceAndTheRestAsTheyRefill() {
        RateLimitCheck.Budget budget = new RateLimitCheck.Budget(CacheRateLimits.enforced(100, 1024), 0);
        for (int call = 0; call < 100; call++) {
            assertThat(budget.admit(0)).as("call " + call).isNull();
        }
        assertThat(budget.admit(0)).isEqualTo("operations_rate_limit_exceeded");
        assertThat(budget.admit(SECOND / 100)).as("a hundredth of a second refills one").isNull();
        assertThat(budget.admit(SECOND / 100)).isEqualTo("operations_rate_limit_exceeded");
        // a long pause refills no more than a second's worth
        long later = 60 * SECOND;
        for (int call = 0; call < 100; call++) {
            assertThat(budget.admit(later)).isNull();
        }
        assertThat(budget.admit(later)).isEqualTo("operations_rate_limit_exceeded");
    }

    @Test
    void aLargeItemIsServedThenTheCacheWaitsForItsThroughputToComeBack() {
        RateLimitCheck.Budget budget = new RateLimitCheck.Budget(CacheRateLimits.enforced(100, 1024), 0);
        assertThat(budget.admit(0)).isNull();
        budget.charge(3L * 1024 * 1024, 0); // 3 MiB: two seconds into debt
        assertThat(budget.admit(0)).isEqualTo("throughput_rate_limit_exceeded");
        assertThat(budget.admit(2 * SECOND)).as("back at zero: still spent").isEqualTo("throughput_rate_limit_exceeded");
        assertThat(budget.admit(2 * SECOND + SECOND / 10)).isNull();
    }

    @Test
    void aClockThatStepsBackRefillsNothing() {
        RateLimitCheck.Budget budget = new RateLimitCheck.Budget(CacheRateLimits.enforced(1, 1024), 10 * SECOND);
        assertThat(budget.admit(10 * SECOND)).isNull();
        assertThat(budget.admit(5 * SECOND)).isEqualTo("operations_rate_limit_exceeded");
        assertThat(budget.admit(11 * SECOND)).isNull();
    }
}
