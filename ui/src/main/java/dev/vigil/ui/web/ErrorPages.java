package dev.vigil.ui.web;

import java.time.LocalDate;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import dev.vigil.ui.catalog.CatalogException;
import dev.vigil.ui.catalog.CatalogUnavailableException;

/**
 * Backend failures become pages that say what happened and what to do; never a stack
 * trace. Sign-in problems are not handled here: they must reach Spring Security, which
 * starts a new sign-in and returns to the page.
 */
@ControllerAdvice
class ErrorPages {

	private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

	private final LayoutModel layout;

	ErrorPages(LayoutModel layout) {
		this.layout = layout;
	}

	@ExceptionHandler(CatalogUnavailableException.class)
	ModelAndView unavailable(CatalogUnavailableException ex, HttpServletRequest request) {
		log.warn("{}", ex.getMessage());
		ModelAndView page = page("error/unavailable", request);
		page.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
		return page;
	}

	@ExceptionHandler(CatalogException.class)
	ModelAndView failed(CatalogException ex, HttpServletRequest request) {
		HttpStatus status = switch (ex.status()) {
			case 403 -> HttpStatus.FORBIDDEN;
			case 404 -> HttpStatus.NOT_FOUND;
			case 400 -> HttpStatus.BAD_REQUEST;
			case 429 -> HttpStatus.TOO_MANY_REQUESTS;
			default -> HttpStatus.BAD_GATEWAY;
		};
		if (status == HttpStatus.BAD_GATEWAY) {
			log.warn("Backend answered {}: {}", ex.status(), ex.getMessage());
		}
		ModelAndView page = page("error/backend", request);
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("problemTitle", ex.title());
		page.addObject("problemDetail", (ex.status() < 500) ? ex.getMessage() : null);
		return page;
	}

	/**
	 * A filter in the address that does not parse ({@code ?day=banana}): say which one
	 * and what it should look like, instead of a generic error page.
	 */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView badParameter(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		Class<?> type = ex.getRequiredType();
		String expected = (type == LocalDate.class) ? "a date like " + LocalDate.now()
				: (type == Integer.class || type == int.class || type == Double.class || type == double.class)
						? "a number" : "another value";
		return badParameter(ex.getName(), expected, request);
	}

	/** A filter that parses but is out of range ({@code ?day=+999999999-12-31}). */
	@ExceptionHandler(BadParameterException.class)
	ModelAndView outOfRange(BadParameterException ex, HttpServletRequest request) {
		return badParameter(ex.name(), ex.expected(), request);
	}

	private ModelAndView badParameter(String name, String expected, HttpServletRequest request) {
		ModelAndView page = page("error/backend", request);
		page.setStatus(HttpStatus.BAD_REQUEST);
		page.addObject("status", 400);
		page.addObject("problemDetail",
				"\"" + name + "\" in the address must be " + expected + ". Remove it or correct it.");
		page.addObject("cleanUrl", request.getRequestURI());
		return page;
	}

	/** Exception handlers get no @ModelAttribute values: the layout's are added here. */
	private ModelAndView page(String view, HttpServletRequest request) {
		ModelAndView page = new ModelAndView(view);
		page.addObject("currentUser", this.layout.currentUser());
		page.addObject("theme", this.layout.theme(request));
		page.addObject("path", this.layout.path(request));
		return page;
	}

}
