package org.casetrail.command.web;

import java.util.Map;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.casetrail.platform.db.ConcurrentWrites;
import org.casetrail.platform.messaging.MetaDataKeys;
import org.casetrail.platform.request.RequestMetaData;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends a command on behalf of the signed-in user: the actor, role, client address, request id and command
 * name travel as metadata and are copied onto every event the command causes.
 */
@Component
public class CommandDispatcher {

    private static final int MAX_ATTEMPTS = 5;

    private final CommandGateway gateway;

    CommandDispatcher(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** Sends a command to an existing aggregate; returns its handler's answer, the aggregate's new version. */
    public long send(Object command) {
        return ((Number) dispatch(command)).longValue();
    }

    /**
     * Sends a command that creates an aggregate. Every creating handler applies exactly one event (each
     * aggregate's fixture tests hold it to that), so the new aggregate is at version 1.
     */
    public long create(Object command) {
        dispatch(command);
        return 1;
    }

    /**
     * A command that lost a race with another writer to the same aggregate, or was decided on this node's copy of
     * it when another node had written since, stored nothing; it is sent again, to be decided on the stored state, a
     * few times. Inside a transaction that began before it (an idempotent
     * request's) it cannot be: the failure goes up, and that transaction's owner starts a new one.
     */
    private Object dispatch(Object command) {
        var message = new GenericCommandMessage<>(command)
                .andMetaData(RequestMetaData.current())
                .andMetaData(Map.of(MetaDataKeys.COMMAND, command.getClass().getSimpleName()));
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.sendAndWait(message);
            } catch (RuntimeException e) {
                if (attempt == MAX_ATTEMPTS || !ConcurrentWrites.decidedOnOldState(e)
                    || TransactionSynchronizationManager.isActualTransactionActive()) {
                    throw e;
                }
            }
        }
    }
}
