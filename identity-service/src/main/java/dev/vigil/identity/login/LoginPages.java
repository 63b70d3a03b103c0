package dev.vigil.identity.login;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page and the small signed-in landing page of the issuer itself. */
@Controller
@EnableConfigurationProperties(LoginProperties.class)
class LoginPages {

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping("/")
	String home(@Nullable Authentication user, Model model) {
		model.addAttribute("username", (user != null) ? user.getName() : null);
		return "home";
	}

}
