package jp.cartflow.order;

import jp.cartflow.mail.bounce.BounceAddressBook;
import jp.cartflow.member.Member;
import jp.cartflow.member.Members;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The bounce room's address book, answered by the owners of members and orders through their Java API. */
@Component
class OrderBounceAddressBook implements BounceAddressBook {

    private final Members members;
    private final OrderRepository orders;

    OrderBounceAddressBook(Members members, OrderRepository orders) {
        this.members = members;
        this.orders = orders;
    }

    @Override
    public boolean knows(long shopId, String email) {
        return members.emailInUse(shopId, email) || orders.emailInUse(shopId, email);
    }

    @Override
    public Optional<String> memberEmail(long shopId, long memberId) {
        return members.member(shopId, memberId).map(Member::email);
    }
}
