package io.ipmirunner.ipmi.sdr;

/** One Sensor Data Record (IPMI v2.0 §43): a sensor the runner can read, or a record kept raw. */
public sealed interface SdrRecord {
    int recordId();

    int recordType();

    /**
     * Full (type 0x01, §43.1) or compact (type 0x02, §43.2) sensor record: compact ones carry no conversion
     * factors, so {@code conversion} is empty of them (analog format 3). {@code baseUnit} and
     * {@code modifierUnit} are Table 43-15 codes; {@code modifierUse} is byte 21 bits 2:1.
     */
    record Sensor(int recordId, int recordType, int ownerId, int ownerLun, int number, int entityId,
                  int entityInstance, int sensorType, int eventReadingType, int baseUnit, int modifierUnit,
                  int modifierUse, boolean percentage, Conversion conversion, String name) implements SdrRecord {
        /** Event/reading type code 0x01 (§42.1 Table 42-1): the reading has threshold states. */
        public boolean threshold() {
            return eventReadingType == 0x01;
        }

        /** Another sensor sharing this record ({@link SharedSensors}). */
        Sensor instance(int sensorNumber, int instance, String sensorName) {
            return new Sensor(recordId, recordType, ownerId, ownerLun, sensorNumber, entityId, instance, sensorType,
                    eventReadingType, baseUnit, modifierUnit, modifierUse, percentage, conversion, sensorName);
        }
    }

    /** Event-Only Sensor record (type 0x03, §43.3): a sensor that only logs events, with no reading. */
    record EventOnly(int recordId, int ownerId, int ownerLun, int number, int entityId, int entityInstance,
                     int sensorType, int eventReadingType, String name) implements SdrRecord {
        @Override
        public int recordType() {
            return 0x03;
        }

        /** Another sensor sharing this record ({@link SharedSensors}). */
        EventOnly instance(int sensorNumber, int instance, String sensorName) {
            return new EventOnly(recordId, ownerId, ownerLun, sensorNumber, entityId, instance, sensorType,
                    eventReadingType, sensorName);
        }
    }

    /**
     * FRU Device Locator (type 0x11, §43.9): {@code fruId} is the FRU device id of a logical device (Read
     * FRU Data takes it) or the slave address of a physical one; {@code accessAddress} is the 8-bit address
     * of the controller that holds it.
     */
    record FruLocator(int recordId, int accessAddress, int fruId, boolean logical, int lun, int channel,
                      int deviceType, int deviceTypeModifier, int entityId, int entityInstance, String name)
            implements SdrRecord {
        @Override
        public int recordType() {
            return 0x11;
        }
    }

    /** Management Controller Device Locator (type 0x12, §43.10); {@code capabilities} is byte 9. */
    record McLocator(int recordId, int address, int channel, int capabilities, int entityId, int entityInstance,
                     String name) implements SdrRecord {
        @Override
        public int recordType() {
            return 0x12;
        }
    }

    /** Any other record type, or one too short to decode; {@code defect} is null when merely unhandled. */
    record Raw(int recordId, int recordType, byte[] bytes, String defect) implements SdrRecord {
        public Raw {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }
}
