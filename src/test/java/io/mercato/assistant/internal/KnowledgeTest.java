package io.mercato.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.assistant.Intent;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The built-in classifier alone, fast: the intents of the evaluation set's questions and a few sentences. */
class KnowledgeTest {

    private final Knowledge knowledge = new Knowledge();

    @Test
    void questionWordsAloneAreNotUnderstood() {
        assertThat(knowledge.understand("what is the meaning of life").intent()).isEqualTo(Intent.UNKNOWN);
        assertThat(knowledge.understand("天气怎么样").intent()).isEqualTo(Intent.UNKNOWN);
        assertThat(knowledge.understand("   ").intent()).isEqualTo(Intent.UNKNOWN);
    }

    @Test
    void bothLanguagesReachTheSameHelpArticle() {
        assertThat(knowledge.understand("how long does a refund take?").faq()).isEqualTo("refundTime");
        assertThat(knowledge.understand("退款要多久才到账").faq()).isEqualTo("refundTime");
    }

    @Test
    void theEvaluationSetsIntentsAreMostlyRecognisedWithoutAnyData() throws IOException {
        JsonNode set;
        try (InputStream in = getClass().getResourceAsStream("/assistant/eval.json")) {
            set = JsonMapper.builder().build().readTree(in);
        }
        List<String> misses = new ArrayList<>();
        for (JsonNode item : set) {
            String question = item.get("q").asString().replaceAll("\\{\\w+}", "7");
            Intent intent = knowledge.understand(question).intent();
            String expected = item.get("intent").asString();
            boolean named = question.matches(".*(order|订单)\\s*#?7.*");
            // A question naming an order is taken to be about it; the classifier alone may read it as a policy question.
            if (!intent.name().equals(expected) && !(named && (intent == Intent.POLICY || intent == Intent.UNKNOWN))) {
                misses.add(question + " -> " + intent + " (expected " + expected + ")");
            }
        }
        misses.forEach(m -> System.out.println("  intent miss: " + m));
        assertThat(misses.size()).as("misses: %s", misses).isLessThanOrEqualTo(set.size() / 10);
    }
}
