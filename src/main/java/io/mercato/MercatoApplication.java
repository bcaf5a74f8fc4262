package io.mercato;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Mercato: an open-source platform for running a large multi-merchant marketplace. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class MercatoApplication {

    public static void main(String[] args) {
        SpringApplication.run(MercatoApplication.class, args);
    }
}
