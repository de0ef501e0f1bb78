package dev.methodguard.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A secured application as many are written: public items, private notes, a method rule
 * (DELETE needs ADMIN), HTTP Basic, no CSRF (an API), a plain servlet, and {@code /error} not
 * permitted, so that every error page dispatch is checked again.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ SecuredApplication.Items.class, SecuredApplication.Notes.class })
class SecuredApplication {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers(HttpMethod.DELETE, "/public/**").hasRole("ADMIN")
			.requestMatchers("/public/**", "/legacy/**").permitAll()
			.anyRequest().authenticated())
			.httpBasic((basic) -> {
			})
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	InMemoryUserDetailsManager users() {
		return new InMemoryUserDetailsManager(User.withUsername("user").password("{noop}secret").roles("USER").build(),
				User.withUsername("admin").password("{noop}secret").roles("USER", "ADMIN").build());
	}

	@Bean
	ServletRegistrationBean<PingServlet> pingServlet() {
		return new ServletRegistrationBean<>(new PingServlet(), "/legacy/ping");
	}

	@RestController
	static class Items {

		@GetMapping("/public/items")
		String list() {
			return "items";
		}

		@PostMapping("/public/items")
		String create() {
			return "created";
		}

		@GetMapping("/public/items/{id}")
		String get(@PathVariable String id) {
			return "item " + id;
		}

		@PutMapping("/public/items/{id}")
		String put(@PathVariable String id) {
			return "put " + id;
		}

	}

	@RestController
	static class Notes {

		@GetMapping("/private/notes")
		String notes() {
			return "notes";
		}

	}

	static class PingServlet extends HttpServlet {

		@Override
		protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
			response.getWriter().write("pong");
		}

	}

}
