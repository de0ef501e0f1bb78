package dev.methodguard.internal.servlet;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import dev.methodguard.internal.problem.MethodRejectedException;

import org.springframework.web.HttpRequestHandler;

/**
 * A handler for a rejection decided before handler lookup: written straight by the
 * {@link ProblemWriter} where content negotiation is certain, otherwise raised, so that the
 * exception resolvers and method-guard's advice write it like every other.
 *
 * @param rejection the rejection
 * @param writer the direct writer, or {@code null} to always raise the rejection
 */
record RejectionHandler(MethodRejectedException rejection, @Nullable ProblemWriter writer)
		implements HttpRequestHandler {

	RejectionHandler(MethodRejectedException rejection) {
		this(rejection, null);
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (this.writer == null || !this.writer.write(request, response, this.rejection)) {
			throw this.rejection;
		}
	}

}
