package io.mercato.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ActorTest {

    private final Actor buyer = new Actor(42, Role.BUYER);
    private final Actor operator = new Actor(1, Role.OPERATOR);

    @Test
    void requireLetsAnAllowedRoleThroughAndReturnsTheActor() {
        assertThat(operator.require(Role.OPERATOR)).isSameAs(operator);
        assertThat(buyer.require(Role.SELLER, Role.BUYER)).isSameAs(buyer);
    }

    @Test
    void requireRefusesOtherRolesNamingTheRolesAllowedAndTheCaller() {
        assertThatThrownBy(() -> buyer.require(Role.OPERATOR))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("Only operators may do this; you are buyer:42");
        assertThatThrownBy(() -> buyer.require(Role.SELLER, Role.OPERATOR))
                .hasMessage("Only sellers or operators may do this; you are buyer:42");
        assertThatThrownBy(() -> operator.require(Role.BUYER, Role.SELLER, Role.SYSTEM))
                .hasMessage("Only buyers, sellers or the system may do this; you are operator:1");
    }

    @Test
    void theSystemPassesNoOperatorCheckButItsOwn() {
        assertThat(Actor.SYSTEM.is(Role.OPERATOR)).isFalse();
        assertThatThrownBy(() -> Actor.SYSTEM.require(Role.OPERATOR))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("Only operators may do this; you are the system");
        assertThat(Actor.SYSTEM.require(Role.SYSTEM)).isSameAs(Actor.SYSTEM);
    }

    @Test
    void labelsNameTheRoleAndAccountOrTheSystem() {
        assertThat(buyer.label()).isEqualTo("buyer:42");
        assertThat(operator.label()).isEqualTo("operator:1");
        assertThat(Actor.SYSTEM.label()).isEqualTo("system");
        assertThat(Actor.SYSTEM.isSystem()).isTrue();
        assertThat(operator.isSystem()).isFalse();
    }

    @Test
    void onlyTheSystemActsWithoutAnAccountAndItHasNone() {
        assertThatThrownBy(() -> new Actor(0, Role.OPERATOR)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Actor.SYSTEM");
        assertThatThrownBy(() -> new Actor(7, Role.SYSTEM)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("account 7");
    }
}
