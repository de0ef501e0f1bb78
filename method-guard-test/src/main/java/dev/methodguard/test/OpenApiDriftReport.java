package dev.methodguard.test;

import java.util.List;

/**
 * The drift between an OpenAPI document and the served routes, both ways, each entry a
 * method and a path with its variables unnamed, such as {@code DELETE /items/{}}.
 *
 * @param documentedNotServed operations the document lists that no route serves
 * @param servedNotDocumented methods routes serve that the document does not list
 */
public record OpenApiDriftReport(List<String> documentedNotServed, List<String> servedNotDocumented) {

	/**
	 * Create the report.
	 * @param documentedNotServed operations the document lists that no route serves
	 * @param servedNotDocumented methods routes serve that the document does not list
	 */
	public OpenApiDriftReport {
		documentedNotServed = List.copyOf(documentedNotServed);
		servedNotDocumented = List.copyOf(servedNotDocumented);
	}

	/**
	 * Whether document and routes agree.
	 * @return {@code true} without drift either way
	 */
	public boolean isEmpty() {
		return this.documentedNotServed.isEmpty() && this.servedNotDocumented.isEmpty();
	}

	/**
	 * Both lists, one operation a line.
	 * @return the text
	 */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("OpenAPI drift: ").append(this.documentedNotServed.size())
			.append(" documented but not served, ")
			.append(this.servedNotDocumented.size())
			.append(" served but not documented")
			.append(System.lineSeparator());
		this.documentedNotServed.forEach((operation) -> text.append("  documented, not served: ")
			.append(operation)
			.append(System.lineSeparator()));
		this.servedNotDocumented.forEach((operation) -> text.append("  served, not documented: ")
			.append(operation)
			.append(System.lineSeparator()));
		return text.toString();
	}

}
