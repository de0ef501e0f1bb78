package dev.methodguard.versions;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * An application with the {@link VersionedRoutes}, to be run with their
 * {@link VersionedRoutes#PROPERTIES properties}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(VersionedRoutes.class)
class VersionedApplication {

}
