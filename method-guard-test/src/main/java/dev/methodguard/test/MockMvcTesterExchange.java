package dev.methodguard.test;

import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Requests through {@link MockMvcTester}, asynchronous handlers included.
 */
final class MockMvcTesterExchange implements Exchange {

	private final MockMvcTester tester;

	MockMvcTesterExchange(MockMvcTester tester) {
		this.tester = tester;
	}

	@Override
	public Answer send(String method, String path, String... headers) {
		try {
			MvcTestResult result = this.tester.perform(MockMvcExchange.request(method, path, headers));
			if (result.getUnresolvedException() != null) {
				return Answer.failed(result.getUnresolvedException());
			}
			MvcResult mvcResult = result.getMvcResult();
			if (mvcResult.getRequest().isAsyncStarted()) {
				result = this.tester.perform(MockMvcRequestBuilders.asyncDispatch(mvcResult));
				if (result.getUnresolvedException() != null) {
					return Answer.failed(result.getUnresolvedException());
				}
			}
			return MockMvcExchange.answer(result.getResponse());
		}
		catch (Exception ex) {
			return Answer.failed(ex);
		}
	}

}
