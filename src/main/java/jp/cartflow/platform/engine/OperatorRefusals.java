package jp.cartflow.platform.engine;

import jp.cartflow.platform.errors.DomainException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A domain refusal ({@link DomainException}) raised while the engine runs our code — typically the
 * service task after an operator's form refusing what was entered — reaches Tasklist as a 400 with the
 * Japanese half of the message only (our messages read "日本語 / English"), instead of an engine 500
 * with a stack trace. It is logged once at WARN: the operator's input was wrong, the server is fine.
 */
@Component
class OperatorRefusals extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorRefusals.class);

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        DelegateInterceptor engine = configuration.getDelegateInterceptor();
        configuration.setDelegateInterceptor(invocation -> invoke(engine, invocation));
    }

    private static void invoke(DelegateInterceptor engine, DelegateInvocation invocation) throws Exception {
        try {
            engine.handleInvocation(invocation);
        } catch (DomainException refused) {
            String message = operatorMessage(refused.getMessage());
            LOG.warn("refused ({}{}): {}", refused.field() == null ? "" : refused.field(),
                    refused.rule() == null ? "" : ", " + refused.rule(), refused.getMessage());
            throw new BadUserRequestException(message);
        }
    }

    /** the Japanese part of "日本語 / English"; a message without Japanese gets a Japanese lead-in */
    static String operatorMessage(String message) {
        if (message == null || message.isBlank()) {
            return "入力内容を受け付けられませんでした。";
        }
        int slash = message.indexOf(" / ");
        String first = slash > 0 ? message.substring(0, slash) : message;
        boolean japanese = first.codePoints().anyMatch(cp -> cp >= 0x3040 && cp <= 0x9FFF);
        return japanese ? first : "入力内容を受け付けられませんでした(" + message + ")";
    }
}
