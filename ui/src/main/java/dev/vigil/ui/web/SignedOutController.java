package dev.vigil.ui.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where the issuer sends the browser after logout; public, so it needs no new sign-in.
 */
@Controller
class SignedOutController {

	@GetMapping("/signed-out")
	String signedOut() {
		return "signed-out";
	}

}
