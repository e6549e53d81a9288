package jp.cartflow.mail.taglanguage;

/** What a tag reads from while rendering: the context plus the current line or shipment inside a block. */
record Row(MailContext ctx, OrderLineView line, ShipmentView shipment) {

    OrderView order() {
        return ctx.order();
    }

    ShipmentView firstShipment() {
        return ctx.firstShipment();
    }
}
