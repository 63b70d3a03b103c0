package dev.vigil.ui.review;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.vigil.ui.catalog.CatalogClient;
import dev.vigil.ui.catalog.CatalogException;
import dev.vigil.ui.catalog.CatalogUnavailableException;
import dev.vigil.ui.catalog.Review;

/**
 * The unreviewed count beside "Review" in the menu, on every page a signed-in person
 * opens. A catalog that cannot say only hides the count: the page itself still works.
 */
@ControllerAdvice
class ReviewBadge {

	private final CatalogClient catalog;

	ReviewBadge(CatalogClient catalog) {
		this.catalog = catalog;
	}

	@ModelAttribute("reviewSummary")
	Review.@Nullable Summary summary(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		// Model attributes run before every handler, also the media relay (each thumbnail
		// on a page) and the live stream: only pages get the count.
		String path = request.getRequestURI();
		if (!"GET".equals(request.getMethod()) || path.startsWith("/media/") || path.startsWith("/live/stream")
				|| authentication == null || !(authentication.getPrincipal() instanceof OidcUser)) {
			return null;
		}
		try {
			return this.catalog.reviewSummary();
		}
		catch (CatalogException | CatalogUnavailableException ex) {
			return null;
		}
	}

}
