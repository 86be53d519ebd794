package org.casetrail.command.significance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

final class SignificanceCommands {

    private SignificanceCommands() {
    }

    /**
     * Marks an item significant with its impact on the child, or withdraws the mark ({@code significant} false).
     * {@code markId} is the item's mark (see {@link Significance#markOf}).
     */
    record MarkSignificanceCommand(@TargetAggregateIdentifier String markId, String itemType, String itemId,
                                   boolean significant, String impact, @TargetAggregateVersion Long expectedSequence) {
    }
}
