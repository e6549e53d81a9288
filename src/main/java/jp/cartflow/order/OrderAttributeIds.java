package jp.cartflow.order;

import jp.cartflow.mail.shoptemplates.AttributeIds;
import jp.cartflow.member.Attributes;
import org.springframework.stereotype.Component;

/** Tells the template store which attribute ids the shop defines: the ones an order carries (MAIL-1, MEM-1). */
@Component
class OrderAttributeIds implements AttributeIds {

    private final Attributes attributes;

    OrderAttributeIds(Attributes attributes) {
        this.attributes = attributes;
    }

    @Override
    public boolean isDefined(long shopId, int attributeNo) {
        return attributes.isDefined(shopId, attributeNo);
    }
}
