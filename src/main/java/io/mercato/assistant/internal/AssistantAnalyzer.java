package io.mercato.assistant.internal;

import java.io.Reader;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * One analysis for both languages: Chinese as single characters and overlapping pairs of them (so "退款" matches
 * "退款进度" without a dictionary), English lower-cased, without its commonest words, and stemmed ("refunds" is "refund").
 */
final class AssistantAnalyzer extends Analyzer {

    /** Question words and particles say that something is asked, not what: they would make any question look close. */
    private static final CharArraySet QUESTION_WORDS;
    private static final Pattern PARTICLES = Pattern.compile("怎么样|怎么|什么|为什么|多少|哪里|哪儿|请问|帮我|一下|我的|吗|呢|吧|了|的|我|您|你|请");

    static {
        CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        words.addAll(List.of("what", "what's", "how", "where", "where's", "when", "why", "which", "who", "do", "does", "did",
                "i", "i'd", "i'm", "me", "my", "you", "your", "can", "could", "would", "should", "please", "now", "just", "about",
                "get", "have", "has", "am", "some", "any"));
        QUESTION_WORDS = CharArraySet.unmodifiableSet(words);
    }

    @Override
    protected Reader initReader(String field, Reader reader) {
        return new PatternReplaceCharFilter(PARTICLES, " ", reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String field) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new CJKWidthFilter(source);
        stream = new LowerCaseFilter(stream);
        stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA
                | CJKBigramFilter.HANGUL, true);
        stream = new EnglishPossessiveFilter(stream);
        stream = new StopFilter(stream, QUESTION_WORDS);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }
}
