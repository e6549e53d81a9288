package jp.cartflow.mail.taglanguage;

/**
 * What a tag reads from while rendering: the context plus the current line, shipment or parcel inside a block.
 */
record Row(MailContext ctx, OrderLineView line, ShipmentView shipment, ParcelView parcel) {

    OrderView order() {
        return ctx.order();
    }

    ShipmentView firstShipment() {
        return ctx.firstShipment();
    }
}
