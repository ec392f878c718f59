package io.ipmirunner.expr;

import freemarker.ext.beans.BeansWrapper;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import io.ipmirunner.yaml.VaultValue;
import io.ipmirunner.secret.Secret;

/**
 * Wraps scope values for FreeMarker: maps, lists, strings, numbers and booleans as usual; secrets and vault
 * values as their mask, so no expression can reach {@code Secret.reveal()}; other objects expose nothing
 * but their text.
 */
final class MaskingObjectWrapper extends DefaultObjectWrapper {
    MaskingObjectWrapper() {
        super(Configuration.VERSION_2_3_34);
        setExposureLevel(BeansWrapper.EXPOSE_NOTHING);
    }

    @Override
    protected TemplateModel handleUnknownType(Object obj) throws TemplateModelException {
        if (obj instanceof Secret || obj instanceof VaultValue) {
            return new SimpleScalar(obj.toString());
        }
        return super.handleUnknownType(obj);
    }
}
