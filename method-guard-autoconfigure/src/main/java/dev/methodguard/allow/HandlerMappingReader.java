package dev.methodguard.allow;

import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.HandlerMapping;

/**
 * Reads a handler mapping that the index cannot read from its type alone, such as a
 * library's own mapping whose patterns stand for resources its metadata decides (Spring Data
 * REST's {@code /{repository}/{id}}). Readers are asked first, for every handler mapping of
 * the {@code DispatcherServlet}: a mapping a reader takes counts as read, by the source the
 * reader returns, and the index stays complete; a mapping no reader takes and whose type
 * the index does not know leaves it incomplete.
 */
@FunctionalInterface
public interface HandlerMappingReader {

	/**
	 * The source of the routes of a handler mapping, if this reader knows the mapping.
	 * @param mapping a handler mapping of the {@code DispatcherServlet}
	 * @param servletPrefix the path prefix of the {@code DispatcherServlet}, {@code ""} for
	 * {@code /}
	 * @return the source, or {@code null} if this reader does not read the mapping
	 */
	@Nullable RouteSource sourceFor(HandlerMapping mapping, String servletPrefix);

}
