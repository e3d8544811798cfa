using Encas.Deploy.Tests.Support;
using Encas.Messages;
using Encas.Node;

namespace Encas.Deploy.Tests;

/// <summary>The docker/ Dockerfiles agree with the code: entry point, verb, variables, ports, health.</summary>
public sealed class DockerfileTests
{
    [Fact]
    public void Should_declare_images_whose_target_stages_exist()
    {
        var images = DeployFiles.DeclaredImages;
        Assert.Contains(images, i => i.Image.Image == "encas:cpu");
        Assert.Contains(images, i => i.Image.Image == "encas:gpu");
        Assert.Equal(images.Count, images.Select(i => i.Image.Image).Distinct().Count());
        string[] known = [EncasRoles.Seed, EncasRoles.Gpu, EncasRoles.Search];
        foreach (var (file, image) in images)
        {
            Assert.True(file.Stage(image.Target) is not null,
                $"{file.File}: {image.Image} names no stage {image.Target}");
            Assert.All(image.Roles, r => Assert.Contains(r, known));
        }
    }

    [Fact]
    public void Should_run_encas_with_an_existing_verb_and_its_own_options()
    {
        foreach (var (file, image) in DeployFiles.DeclaredImages)
        {
            var (entrypoint, cmd) = file.Command(file.Stage(image.Target)!);
            Assert.True(entrypoint.SequenceEqual(["encas"]), $"{file.File} {image.Target}: ENTRYPOINT must be encas");
            Assert.True(cmd.Count > 0, $"{file.File} {image.Target}: CMD names no verb");
            var errors = EncasCommandLine.Errors(cmd);
            Assert.True(errors.Count == 0, $"{file.File} {image.Target}: encas {string.Join(' ', cmd)}: "
                + string.Join("; ", errors));
        }
    }

    [Fact]
    public void Should_set_only_the_environment_variables_a_node_reads()
    {
        foreach (var file in DeployFiles.Dockerfiles)
        {
            foreach (string name in file.Stages.SelectMany(s => s.Env.Keys).Where(k => k.StartsWith("ENCAS_",
                StringComparison.Ordinal)))
            {
                Assert.True(NodeEnvironment.All.Contains(name), $"{file.File}: {name} is not in NodeEnvironment.All");
            }
        }
    }

    [Fact]
    public void Should_expose_the_default_ports_run_as_non_root_and_check_the_live_route()
    {
        var routes = NodeRoutes.Patterns();
        foreach (var (file, image) in DeployFiles.DeclaredImages)
        {
            var stage = file.Stage(image.Target)!;
            Assert.Contains(NodeOptions.DefaultPort, stage.Expose);
            Assert.Contains(NodeOptions.DefaultManagementPort, stage.Expose);
            Assert.True(stage.User is { } user && user != "root" && !user.StartsWith("0", StringComparison.Ordinal),
                $"{file.File} {image.Target}: needs a non-root USER");
            Assert.True(stage.HealthCheck is not null, $"{file.File} {image.Target}: no HEALTHCHECK");
            Assert.Contains("/healthz/live", stage.HealthCheck);
            Assert.Contains("/healthz/live", routes);
            Assert.Contains($"{NodeEnvironment.ManagementPort}:-{NodeOptions.DefaultManagementPort}",
                stage.HealthCheck);
        }
    }

    [Fact]
    public void Should_bind_the_management_port_beyond_loopback()
    {
        foreach (var (file, image) in DeployFiles.DeclaredImages)
        {
            var env = file.Stage(image.Target)!.Env;
            Assert.True(env.GetValueOrDefault(NodeEnvironment.ManagementHost) == "0.0.0.0",
                $"{file.File} {image.Target}: probes from outside need {NodeEnvironment.ManagementHost}=0.0.0.0");
        }
    }
}
