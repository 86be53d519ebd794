package org.casetrail.command.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/**
 * The loaded copies hold only what is stored: an aggregate put back inside a transaction is there once that
 * transaction commits, never if it rolls back, and not while it is still open.
 */
class LoadedAggregatesTest {

    @AfterEach
    void endSynchronization() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    private static void complete(int status) {
        if (status == TransactionSynchronization.STATUS_COMMITTED) {
            TransactionSynchronizationUtils.triggerAfterCommit();
        }
        TransactionSynchronizationUtils.triggerAfterCompletion(status);
        TransactionSynchronizationManager.clearSynchronization();
    }

    /** A cache holding version 1, after a transaction that put version 2 ended with {@code status}. */
    private static LoadedAggregates afterPuttingVersion2(int status) {
        LoadedAggregates loaded = new LoadedAggregates(10);
        loaded.put("a", "version 1");
        TransactionSynchronizationManager.initSynchronization();
        loaded.put("a", "version 2");
        assertThat(loaded.containsKey("a")).as("while the transaction is open").isFalse();
        assertThat((String) loaded.get("a")).isNull();
        complete(status);
        return loaded;
    }

    @Test
    void aCopyPutInATransactionIsKeptOnlyOnceItCommits() {
        LoadedAggregates loaded = afterPuttingVersion2(TransactionSynchronization.STATUS_COMMITTED);

        assertThat((String) loaded.get("a")).isEqualTo("version 2");
    }

    @Test
    void aCopyPutInATransactionThatRollsBackIsNotKept() {
        LoadedAggregates loaded = afterPuttingVersion2(TransactionSynchronization.STATUS_ROLLED_BACK);

        assertThat(loaded.containsKey("a")).isFalse();
        assertThat(loaded.putIfAbsent("a", "version 1")).isTrue();
        assertThat(loaded.putIfAbsent("a", "version 3")).isFalse();
        assertThat(loaded.<String>computeIfAbsent("a", () -> "version 4")).isEqualTo("version 1");
        loaded.<String>computeIfPresent("a", present -> present + ", again");
        loaded.<String>computeIfPresent("b", present -> "made");
        assertThat((String) loaded.get("a")).isEqualTo("version 1, again");
        assertThat(loaded.containsKey("b")).isFalse();
        assertThat(loaded.remove("a")).isTrue();
        assertThat(loaded.remove("a")).isFalse();
    }

    @Test
    void noneAreKeptAtZero() {
        LoadedAggregates loaded = new LoadedAggregates(0);
        loaded.put("a", "version 1");
        loaded.put("b", "version 1");

        assertThat(loaded.<String>computeIfAbsent("c", () -> "made")).isEqualTo("made");
        assertThat(loaded.containsKey("a") || loaded.containsKey("b") || loaded.containsKey("c")).isFalse();
    }
}
