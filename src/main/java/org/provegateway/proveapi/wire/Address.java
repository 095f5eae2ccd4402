package org.provegateway.proveapi.wire;

/** An address entry of {@link Individual}; {@code postalCode} is 5 digits or ZIP+4 ({@code XXXXX-XXXX}). */
public record Address(String address, String extendedAddress, String city, String region, String postalCode) {

    @Override
    public String toString() {
        return "Address[address=" + Redacted.mask(address) + ", extendedAddress=" + Redacted.mask(extendedAddress)
                + ", city=" + Redacted.mask(city) + ", region=" + region + ", postalCode=" + Redacted.mask(postalCode)
                + "]";
    }
}
