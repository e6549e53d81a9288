package jp.cartflow.mail.bounce;

import java.util.Optional;

/**
 * What the bounce room needs to know about addresses it does not own: whether a member or an order of the shop
 * uses an address (a bounce for an address nobody has is recorded but flags no one), and a member's address.
 * Implemented above this room, by the rooms that own members and orders, so mail reads neither table.
 */
public interface BounceAddressBook {

    /** True when a member or an order of the shop has this (lower-cased) address. */
    boolean knows(long shopId, String email);

    /** The member's address, empty when the shop has no such member. */
    Optional<String> memberEmail(long shopId, long memberId);
}
