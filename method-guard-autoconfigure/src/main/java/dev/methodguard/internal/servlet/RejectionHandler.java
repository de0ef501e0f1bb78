package dev.methodguard.internal.servlet;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import dev.methodguard.problem.MethodRejection;

import org.springframework.web.HttpRequestHandler;

/**
 * The handler that stands for a rejection decided where the handler was looked up: written
 * straight by the {@link ProblemWriter} where content negotiation is certain, otherwise
 * raised, so that the exception resolvers and method-guard's advice write it like every
 * other. Looking it up has no side effect: the answer, with its listeners and its problem,
 * happens only if the handler runs.
 *
 * @param rejection the decision
 * @param writer the direct writer, or {@code null} to always raise the rejection
 */
record RejectionHandler(MethodRejection rejection, @Nullable ProblemWriter writer) implements HttpRequestHandler {

	RejectionHandler(MethodRejection rejection) {
		this(rejection, null);
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (this.writer == null || !this.writer.write(request, response, this.rejection)) {
			throw new DecidedRejection(this.rejection);
		}
	}

}
