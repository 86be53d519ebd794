package org.casetrail.platform.web;

/** The service cannot answer yet, e.g. a projection has not reached a requested version; retry shortly (503). */
public class ServiceBusy extends RuntimeException {

    private final String code;

    public ServiceBusy(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
