package dev.vigil.identity.users;

import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Signs users in from the {@code users} collection. Unknown names still cost a password
 * hash (Spring's DaoAuthenticationProvider hashes a dummy), so timing does not reveal
 * which names exist.
 */
@Component
class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

	private final UserAccounts accounts;

	AccountUserDetailsService(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		UserAccount account = this.accounts.find(username)
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
		return User.withUsername(account.username())
			.password(account.passwordHash())
			.authorities(AuthorityUtils
				.createAuthorityList(account.roles().stream().map((role) -> "ROLE_" + role.toUpperCase()).toList()))
			.disabled(!account.enabled())
			.build();
	}

	@Override
	public UserDetails updatePassword(UserDetails user, String newPassword) {
		this.accounts.upgradeHash(user.getUsername(), newPassword);
		return User.withUserDetails(user).password(newPassword).build();
	}

}
