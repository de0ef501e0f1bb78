package dev.methodguard.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * A small application with every handler shape the tests need.
 */
@SpringBootApplication
@Import({ TestControllers.class, TestRoutes.class, TestWebConfiguration.class })
public class TestApplication {

}
