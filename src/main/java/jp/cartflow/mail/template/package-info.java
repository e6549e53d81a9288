/**
 * Mail template engine for the shops' tag syntax (MAIL-1, MAIL-2, SUB-29, SUB-30) — plain Java, no framework.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link jp.cartflow.mail.template.TemplateParser} — validates and parses a subject or body
 *       ({@link jp.cartflow.mail.template.Dialect#COMMENT_TAGS} or {@link jp.cartflow.mail.template.Dialect#BRACKET});
 *       throws {@link jp.cartflow.mail.template.TemplateValidationException} with every error found.</li>
 *   <li>{@link jp.cartflow.mail.template.MailTemplate} — a parsed subject + body pair, rendered with a
 *       {@link jp.cartflow.mail.template.MailContext}.</li>
 *   <li>{@link jp.cartflow.mail.template.MailTag} / {@link jp.cartflow.mail.template.BracketTag} — the one
 *       catalogue of tags, used by validation, rendering and {@code docs/mail.md}.</li>
 *   <li>{@link jp.cartflow.mail.template.DefaultTemplates} — the shipped Japanese templates.</li>
 * </ul>
 * Encodings (MAIL-5) and sending live elsewhere; this package only produces strings.
 */
package jp.cartflow.mail.template;
