/**
 * The shops' mail tag language (MAIL-1, MAIL-2, SUB-29, SUB-30): parsing, validation and rendering of a
 * template's subject and body — plain Java, no framework. Not to be confused with
 * {@code jp.cartflow.mail.shoptemplates}, the templates each shop stores, and {@code jp.cartflow.mail.Mails},
 * the front door features send through.
 *
 * <p>Public API: {@link jp.cartflow.mail.taglanguage.MailTemplate} (a parsed subject + body pair, validated
 * with every error found, rendered with a {@link jp.cartflow.mail.taglanguage.MailContext} and its views),
 * {@link jp.cartflow.mail.taglanguage.TemplateKey} (the six templates and their dialect),
 * {@link jp.cartflow.mail.taglanguage.TemplateError} and
 * {@link jp.cartflow.mail.taglanguage.DefaultTemplates} (the shipped Japanese templates). The parser, the tag
 * catalogue ({@code MailTag}, {@code BracketTag}, also behind {@code docs/mail.md}), strftime and the render
 * tree are package-private. Encodings (MAIL-5) and sending live elsewhere; this package only produces strings.
 */
package jp.cartflow.mail.taglanguage;
