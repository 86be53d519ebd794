package org.casetrail.command.caserecord;

import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Loads the case aggregate itself, inside the caller's unit of work, so a contact cannot be drafted on a case
 * that is being closed at the same moment.
 */
@Component
class EventSourcedCaseDirectory implements CaseDirectory {

    private final Repository<CaseRecord> cases;

    EventSourcedCaseDirectory(Repository<CaseRecord> cases) {
        this.cases = cases;
    }

    @Override
    public CaseFacts facts(String caseId) {
        return cases.load(caseId).invoke(CaseRecord::facts);
    }
}
