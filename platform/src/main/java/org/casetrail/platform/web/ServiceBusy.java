package org.casetrail.platform.web;

import org.casetrail.platform.messaging.Refusal;

/** The service cannot answer yet, e.g. a projection has not reached a requested version; retry shortly (503). */
public class ServiceBusy extends Refusal {

    public ServiceBusy(String code, String message) {
        super(code, message);
    }
}
