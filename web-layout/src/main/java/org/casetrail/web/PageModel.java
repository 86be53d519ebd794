package org.casetrail.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.casetrail.platform.security.CurrentUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: who is signed in, where the page is, where the design system's files are. */
@ControllerAdvice(annotations = PageController.class)
class PageModel {

    private final Assets assets;

    PageModel(Assets assets) {
        this.assets = assets;
    }

    @ModelAttribute("user")
    Optional<CurrentUser> user() {
        return CurrentUser.find();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return Pages.path(request);
    }

    @ModelAttribute("govuk")
    String govuk() {
        return assets.govukBase();
    }
}
