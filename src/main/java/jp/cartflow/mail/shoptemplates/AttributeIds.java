package jp.cartflow.mail.shoptemplates;

/**
 * The port through which a template's save asks whether {@code orderAttribute id=N} / {@code shippingAttribute
 * id=N} names an attribute the shop defines (MAIL-1, MEM-1). The order room implements it from the member room's
 * definitions; mail knows nothing of members.
 */
public interface AttributeIds {

    boolean isDefined(long shopId, int attributeNo);
}
