package jp.cartflow.platform.security;

/** The groups of the one identity store (Camunda's users and groups, managed in the Admin webapp). */
final class CartflowGroups {
    /** Administrators: everything, including the Admin webapp. */
    public static final String ADMIN = "camunda-admin";
    /** Shop operators: every user task is offered to them; Tasklist and Cockpit. */
    public static final String OPERATORS = "operators";
    /** Backend services (the storefront): start and drive processes over REST. */
    public static final String INTEGRATIONS = "integrations";
    /** External inventory tools (TEMPOSTAR, zaikoRobot …): stock updates only. */
    public static final String INVENTORY_TOOLS = "inventory-tools";

    private CartflowGroups() {
    }

    /** The Spring Security authority that stands for membership of a Camunda group. */
    public static String authority(String groupId) {
        return "GROUP_" + groupId;
    }
}
