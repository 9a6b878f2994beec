package io.sabot.api.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.api.Ids;
import org.junit.jupiter.api.Test;

class AppTest {

    static final class FraudApp implements App {
        @Override
        public void configure(AppBuilder app) {
        }
    }

    static final class Pipeline implements App {
        @Override
        public void configure(AppBuilder app) {
        }
    }

    static final class MyETL2App implements App {
        @Override
        public void configure(AppBuilder app) {
        }
    }

    static final class HTTPIngestApp implements App {
        @Override
        public void configure(AppBuilder app) {
        }
    }

    static final class AVeryLongApplicationNameThatKeepsGoingAndGoingBecauseSomebodyLikedDescriptiveNamesRatherMoreThanWasGoodForThemOrAnyoneElseApp
            implements App {
        @Override
        public void configure(AppBuilder app) {
        }
    }

    static final class NamedApp implements App {
        @Override
        public void configure(AppBuilder app) {
        }

        @Override
        public String id() {
            return "payments";
        }
    }

    @Test
    void idDefaultsToTheSimpleClassNameInKebabCase() {
        assertThat(new FraudApp().id()).isEqualTo("fraud-app");
    }

    @Test
    void aSingleWordClassNameIsLowerCased() {
        assertThat(new Pipeline().id()).isEqualTo("pipeline");
    }

    @Test
    void anAcronymStaysOneWord() {
        assertThat(new HTTPIngestApp().id()).isEqualTo("http-ingest-app");
    }

    @Test
    void digitsStayWithTheWordBeforeThem() {
        assertThat(new MyETL2App().id()).isEqualTo("my-etl2-app");
    }

    @Test
    void aClassNameLongerThanAnIdentifierIsCutToTheLongestId() {
        String id = new AVeryLongApplicationNameThatKeepsGoingAndGoingBecauseSomebodyLikedDescriptiveNamesRatherMoreThanWasGoodForThemOrAnyoneElseApp()
                .id();

        assertThat(id).hasSize(Ids.MAX_LENGTH).startsWith("a-very-long-application-name");
        assertThat(Ids.isValid(id)).isTrue();
    }

    @Test
    void anAppMayChooseItsOwnId() {
        assertThat(new NamedApp().id()).isEqualTo("payments");
    }

    @Test
    void theDefaultIdIsAValidIdentifierEvenForAnAnonymousApp() {
        App anonymous = new App() {
            @Override
            public void configure(AppBuilder app) {
            }
        };

        assertThat(anonymous.id()).isEqualTo("app-test-1");
        assertThat(Ids.isValid(anonymous.id())).isTrue();
    }

    @Test
    void theDefaultIdIsAValidIdentifierEvenForALambdaApp() {
        App lambda = app -> { };

        assertThat(lambda.id()).isEqualTo("app-test");
        assertThat(Ids.isValid(lambda.id())).isTrue();
    }
}
