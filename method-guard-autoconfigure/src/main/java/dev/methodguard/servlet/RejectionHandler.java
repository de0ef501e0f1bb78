package dev.methodguard.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.methodguard.problem.MethodRejectedException;

import org.springframework.web.HttpRequestHandler;

/**
 * A handler that raises a rejection decided before handler lookup, so that it is written
 * like every other: by the exception resolvers and method-guard's advice.
 *
 * @param rejection the rejection to raise
 */
record RejectionHandler(MethodRejectedException rejection) implements HttpRequestHandler {

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) {
		throw this.rejection;
	}

}
