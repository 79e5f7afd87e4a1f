def generate(builder, resources):
    return {}
