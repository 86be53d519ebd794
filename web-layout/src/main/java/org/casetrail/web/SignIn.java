package org.casetrail.web;

import java.util.ArrayList;
import java.util.List;

import org.casetrail.platform.CasetrailProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page: a user name and password for the local accounts, or, in {@code jwt} mode, a button per
 * identity provider configured ({@code spring.security.oauth2.client.registration.*}). Signing in itself (the
 * form's POST, the OpenID Connect redirects) and out are Spring Security's ({@link PageSecurity}).
 */
@PageController
class SignIn {

    /** An identity provider to offer: where its sign-in starts and what to call it. */
    record Provider(String href, String name) {
    }

    private final boolean local;
    private final List<Provider> providers = new ArrayList<>();

    SignIn(CasetrailProperties properties, ObjectProvider<ClientRegistrationRepository> registrations) {
        this.local = !properties.security().jwt();
        if (registrations.getIfAvailable() instanceof Iterable<?> all && !local) {
            for (Object registration : all) {
                ClientRegistration r = (ClientRegistration) registration;
                providers.add(new Provider("/oauth2/authorization/" + r.getRegistrationId(), r.getClientName()));
            }
        }
    }

    @GetMapping("/sign-in")
    String signIn(Model model) {
        model.addAttribute("local", local);
        model.addAttribute("providers", providers);
        return "sign-in";
    }
}
