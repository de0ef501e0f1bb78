package dev.methodguard.actuate;

import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * An application's own handler mapping that happens to live in a package named
 * {@code actuate}: not one of Actuator's.
 */
public class ActuateNamedHandlerMapping extends RequestMappingHandlerMapping {

}
