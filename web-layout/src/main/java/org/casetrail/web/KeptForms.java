package org.casetrail.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A form posted by someone no longer signed in (their session ended while they typed) would otherwise be thrown
 * away. This keeps its fields in a new session and sends them to sign in; afterwards they land on the form's
 * page with their text in it, and save it themselves. Nothing is sent on their behalf: a cross-site post could
 * otherwise write a record in their name.
 */
class KeptForms extends OncePerRequestFilter {

    static final String NOTICE = "You were signed out, so your changes were not saved. We kept what you typed: "
                                 + "check it and save again.";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod()) && !PageSecurity.isSignInOrOut(request) && !signedIn()) {
            Forms.keep(request, NOTICE);
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader("Location", request.getContextPath() + "/sign-in?kept");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }
}
