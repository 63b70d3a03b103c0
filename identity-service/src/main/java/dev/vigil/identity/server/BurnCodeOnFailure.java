package dev.vigil.identity.server;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * The token endpoint's error answer, which also burns the authorization code of a failed
 * redemption (wrong PKCE verifier, wrong redirect URI, wrong client): whoever got hold of
 * a code has one try, and the code is dead for everybody after it (RFC 9700 §4.5.3.1:
 * codes are single-use). Errors are answered as Spring Authorization Server does: 401 for
 * {@code invalid_client}, else 400, an OAuth2 error body.
 */
final class BurnCodeOnFailure implements AuthenticationFailureHandler {

	private static final OAuth2TokenType CODE = new OAuth2TokenType(OAuth2ParameterNames.CODE);

	private final OAuth2AuthorizationService authorizations;

	private final HttpMessageConverter<OAuth2Error> errors = new OAuth2ErrorHttpMessageConverter();

	BurnCodeOnFailure(OAuth2AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		OAuth2Error error = (exception instanceof OAuth2AuthenticationException oauth) ? oauth.getError()
				: new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST);
		if (OAuth2ErrorCodes.INVALID_GRANT.equals(error.getErrorCode())) {
			burn(request);
		}
		ServletServerHttpResponse http = new ServletServerHttpResponse(response);
		http.setStatusCode(OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode()) ? HttpStatus.UNAUTHORIZED
				: HttpStatus.BAD_REQUEST);
		this.errors.write(error, null, http);
	}

	private void burn(HttpServletRequest request) {
		String code = request.getParameter(OAuth2ParameterNames.CODE);
		if (code == null || !AuthorizationGrantType.AUTHORIZATION_CODE.getValue()
			.equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))) {
			return;
		}
		OAuth2Authorization authorization = this.authorizations.findByToken(code, CODE);
		if (authorization == null) {
			return;
		}
		OAuth2Authorization.Token<OAuth2AuthorizationCode> stored = authorization
			.getToken(OAuth2AuthorizationCode.class);
		if (stored != null && !stored.isInvalidated()) {
			this.authorizations.save(OAuth2Authorization.from(authorization).invalidate(stored.getToken()).build());
		}
	}

}
