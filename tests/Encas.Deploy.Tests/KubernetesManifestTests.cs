using System.Globalization;
using Encas.Deploy.Tests.Support;
using Encas.Messages;
using Encas.Node;

namespace Encas.Deploy.Tests;

/// <summary>The k8s/ manifests agree with the code: verbs, options, variables, ports, roles, probes, images.</summary>
public sealed class KubernetesManifestTests
{
    // The node verbs and the roles they give (src/Encas.Cli/Commands/NodeCommand.cs).
    private static readonly Dictionary<string, NodeRole> NodeVerbs = new(StringComparer.Ordinal)
    {
        ["local"] = NodeRole.All,
        ["seed"] = NodeRole.Seed,
        ["gpu-node"] = NodeRole.Gpu,
        ["search-node"] = NodeRole.Search,
    };

    [Fact]
    public void Should_parse_every_manifest_as_yaml()
    {
        Assert.NotEmpty(DeployFiles.YamlFiles);
        foreach (string file in DeployFiles.YamlFiles)
        {
            var documents = Yaml.Documents(File.ReadAllText(Path.Combine(DeployFiles.Root, file)));
            Assert.True(documents.Count > 0, $"{file}: no YAML document");
            Assert.All(documents, d => Assert.True(d.Text("kind") is { Length: > 0 },
                $"{file}: a document has no kind"));
        }
    }

    [Fact]
    public void Should_find_every_kustomization_resource_and_patch()
    {
        var kustomizations = DeployFiles.Manifests.Where(m => m.IsKustomization).ToList();
        Assert.Contains(kustomizations, k => k.File.Replace('\\', '/') == "k8s/base/kustomization.yaml");
        Assert.Contains(kustomizations, k => k.File.Replace('\\', '/') == "k8s/overlays/small/kustomization.yaml");
        foreach (var k in kustomizations)
        {
            string folder = Path.GetDirectoryName(Path.Combine(DeployFiles.Root, k.File))!;
            var paths = k.Root.Strings("resources")
                .Concat(k.Root.Items("patches").Select(p => p.Text("path")).OfType<string>())
                .Concat(k.Root.Strings("patchesStrategicMerge"));
            foreach (string path in paths)
            {
                string full = Path.GetFullPath(Path.Combine(folder, path));
                Assert.True(File.Exists(full) || File.Exists(Path.Combine(full, "kustomization.yaml")),
                    $"{k.File}: '{path}' does not exist");
            }
        }
    }

    [Fact]
    public void Should_give_every_encas_container_an_existing_verb_with_its_own_options()
    {
        var containers = DeployFiles.Containers.Where(c => c.IsEncas || (c.Image is null && c.Args.Count > 0)).ToList();
        Assert.NotEmpty(containers);
        foreach (var container in containers)
        {
            var args = container.EncasArguments(DeployFiles.ImageCmd);
            Assert.True(args.Count > 0, $"{container}: runs no encas verb");
            var errors = EncasCommandLine.Errors(args);
            Assert.True(errors.Count == 0, $"{container}: encas {string.Join(' ', args)}: {string.Join("; ", errors)}");
        }
    }

    [Fact]
    public void Should_set_only_the_environment_variables_a_node_reads()
    {
        var names = DeployFiles.Containers.SelectMany(c => c.EnvNames.Select(n => (Where: c.ToString(), Name: n)))
            .Concat(DeployFiles.Manifests.Where(m => m.Kind is "ConfigMap" or "Secret")
                .SelectMany(m => m.Root.Map("data").Keys.Concat(m.Root.Map("stringData").Keys)
                    .Select(k => (Where: m.ToString(), Name: k))))
            .Where(n => n.Name.StartsWith("ENCAS_", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(names);
        foreach (var (where, name) in names)
        {
            Assert.True(NodeEnvironment.All.Contains(name), $"{where}: {name} is not in NodeEnvironment.All");
        }
    }

    [Fact]
    public void Should_reference_only_config_maps_and_secret_keys_the_manifests_define()
    {
        var objects = DeployFiles.Manifests.Where(m => m.File.StartsWith(Path.Combine("k8s", "base"),
            StringComparison.Ordinal)).ToList();
        var configMaps = objects.Where(m => m.Kind == "ConfigMap").Select(m => m.Name).ToHashSet();
        var secretKeys = objects.Where(m => m.Kind == "Secret")
            .SelectMany(m => m.Root.Map("stringData").Keys.Concat(m.Root.Map("data").Keys).Select(k => $"{m.Name}/{k}"))
            .ToHashSet();
        foreach (var container in DeployFiles.Containers)
        {
            foreach (var from in container.Node.Items("envFrom"))
            {
                if (from.Text("configMapRef.name") is { } map)
                {
                    Assert.True(configMaps.Contains(map), $"{container}: no ConfigMap {map}");
                }
            }

            foreach (var env in container.Node.Items("env"))
            {
                if (env.Text("valueFrom.secretKeyRef.name") is { } secret)
                {
                    string key = $"{secret}/{env.Text("valueFrom.secretKeyRef.key")}";
                    Assert.True(secretKeys.Contains(key), $"{container}: no Secret key {key}");
                }
            }
        }
    }

    [Fact]
    public void Should_use_the_default_remoting_and_management_ports_everywhere()
    {
        var config = DeployFiles.Manifests.Where(m => m.Kind == "ConfigMap").SelectMany(m => m.Root.Map("data"))
            .ToList();
        Assert.All(config.Where(e => e.Key == NodeEnvironment.Port), e => Assert.Equal(Number(NodeOptions.DefaultPort),
            e.Value));
        Assert.All(config.Where(e => e.Key == NodeEnvironment.ManagementPort),
            e => Assert.Equal(Number(NodeOptions.DefaultManagementPort), e.Value));
        Assert.All(config.Where(e => e.Key == NodeEnvironment.SeedNodes), e => Assert.All(
            NodeOptionsSource.SplitList(e.Value), s => Assert.EndsWith($":{NodeOptions.DefaultPort}", s)));

        var nodes = DeployFiles.Containers.Where(c => c.IsEncas && c.Ports.Count > 0).ToList();
        Assert.NotEmpty(nodes);
        foreach (var c in nodes)
        {
            Assert.True(c.Ports.GetValueOrDefault("remoting") == NodeOptions.DefaultPort, $"{c}: remoting port");
            Assert.True(c.Ports.GetValueOrDefault("management") == NodeOptions.DefaultManagementPort,
                $"{c}: management port");
        }

        foreach (var service in DeployFiles.Manifests.Where(m => m.Kind == "Service" && m.Name.StartsWith("encas-seed",
            StringComparison.Ordinal)))
        {
            var ports = service.Root.Items("spec.ports").ToDictionary(p => p.Text("name")!, p => p.Text("port"));
            Assert.Equal(Number(NodeOptions.DefaultPort), ports["remoting"]);
            Assert.Equal(Number(NodeOptions.DefaultManagementPort), ports["management"]);
        }

        foreach (var c in DeployFiles.Containers.Where(c => c.Args.Contains("--cluster")))
        {
            string cluster = c.Args[c.Args.ToList().IndexOf("--cluster") + 1];
            Assert.True(cluster.EndsWith($":{NodeOptions.DefaultManagementPort}", StringComparison.Ordinal),
                $"{c}: --cluster {cluster} is not the management port");
        }
    }

    [Fact]
    public void Should_list_seed_pod_zero_first_by_its_stable_dns_name()
    {
        var seedSet = DeployFiles.Manifests.Single(m => m.Kind == "StatefulSet" && m.Name == "encas-seed"
            && m.File.Contains("base", StringComparison.Ordinal));
        string service = seedSet.Root.Text("spec.serviceName")!;
        var headless = DeployFiles.Manifests.Single(m => m.Kind == "Service" && m.Name == service);
        Assert.Equal("None", headless.Root.Text("spec.clusterIP"));
        string ns = DeployFiles.Manifests.Single(m => m.IsKustomization && m.File.Contains("base",
            StringComparison.Ordinal)).Root.Text("namespace")!;

        var lists = DeployFiles.Manifests.Where(m => m.Kind == "ConfigMap")
            .Select(m => m.Root.Map("data").GetValueOrDefault(NodeEnvironment.SeedNodes))
            .OfType<string>()
            .ToList();
        Assert.NotEmpty(lists);
        foreach (string list in lists)
        {
            var seeds = NodeOptionsSource.SplitList(list);
            for (int i = 0; i < seeds.Count; i++)
            {
                string expected = $"{seedSet.Name}-{i}.{service}.{ns}.svc.cluster.local:{NodeOptions.DefaultPort}";
                Assert.Equal(expected, seeds[i]);
            }
        }
    }

    [Fact]
    public void Should_match_each_node_verb_to_its_role_label_and_image()
    {
        string[] known = [EncasRoles.Seed, EncasRoles.Gpu, EncasRoles.Search];
        var nodes = DeployFiles.Containers
            .Where(c => c.IsEncas && !c.Init)
            .Select(c => (Container: c, Args: c.EncasArguments(DeployFiles.ImageCmd)))
            .Where(n => n.Args.Count > 0 && NodeVerbs.ContainsKey(n.Args[0]))
            .ToList();
        Assert.Equal(3, nodes.Select(n => n.Args[0]).Distinct().Count());
        foreach (var (container, args) in nodes)
        {
            var roles = AkkaSetup.RoleNames(NodeVerbs[args[0]]);
            Assert.All(roles, r => Assert.Contains(r, known));
            string? label = container.Owner.PodLabels.GetValueOrDefault("encas/role");
            Assert.True(label is not null && roles.SequenceEqual([label]),
                $"{container}: runs {args[0]} (roles {string.Join(",", roles)}) but is labelled {label}");
            var image = DeployFiles.DeclaredImages.Single(d => d.Image.Image == container.Image).Image;
            Assert.True(roles.All(image.Roles.Contains), $"{container}: {container.Image} is not built for {label}");
        }
    }

    [Fact]
    public void Should_probe_the_mapped_health_routes_on_the_management_port()
    {
        var routes = NodeRoutes.Patterns();
        Assert.Contains("/healthz/live", routes);
        Assert.Contains("/healthz/ready", routes);
        var nodes = DeployFiles.Containers.Where(c => c.IsEncas && c.Ports.Count > 0).ToList();
        foreach (var c in nodes)
        {
            Assert.True(c.Probes.ContainsKey("readinessProbe") && c.Probes.ContainsKey("livenessProbe"),
                $"{c}: needs readiness and liveness probes");
            Assert.Equal("/healthz/ready", c.Probes["readinessProbe"].Text("httpGet.path"));
            Assert.Equal("/healthz/live", c.Probes["livenessProbe"].Text("httpGet.path"));
            foreach (var (kind, probe) in c.Probes)
            {
                string path = probe.Text("httpGet.path")!;
                Assert.True(routes.Contains(path), $"{c}: {kind} {path} is not a mapped route");
                string port = probe.Text("httpGet.port")!;
                Assert.True(port == "management" || port == Number(NodeOptions.DefaultManagementPort),
                    $"{c}: {kind} probes port {port}, not the management port");
            }
        }
    }

    [Fact]
    public void Should_give_nodes_more_grace_than_coordinated_shutdown()
    {
        var workloads = DeployFiles.Manifests.Where(m => m.Kind is "StatefulSet" or "Deployment"
            && m.Containers.Any(c => c.IsEncas)).ToList();
        Assert.Equal(3, workloads.Count);
        foreach (var w in workloads)
        {
            string? grace = w.PodSpec.Text("terminationGracePeriodSeconds");
            Assert.True(grace is not null && int.Parse(grace, CultureInfo.InvariantCulture) >= 35,
                $"{w}: terminationGracePeriodSeconds {grace ?? "unset"} < 35");
        }
    }

    [Fact]
    public void Should_reference_only_images_docker_builds_or_pinned_third_party_images()
    {
        var declared = DeployFiles.DeclaredImages.Select(d => d.Image.Image).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(declared);
        foreach (var c in DeployFiles.Containers.Where(c => c.Image is not null))
        {
            if (c.IsEncas)
            {
                Assert.True(declared.Contains(c.Image!), $"{c}: {c.Image} is not built by a Dockerfile under docker/");
            }
            else
            {
                Assert.True(ImageName.Tag(c.Image!) is { } tag && tag != "latest", $"{c}: pin {c.Image} to a tag");
            }
        }
    }

    [Fact]
    public void Should_bind_remoting_and_management_to_all_interfaces_and_advertise_the_pod()
    {
        var config = DeployFiles.Manifests.Where(m => m.Kind == "ConfigMap" && m.File.Contains("base",
            StringComparison.Ordinal)).SelectMany(m => m.Root.Map("data")).ToDictionary();
        Assert.Equal("0.0.0.0", config[NodeEnvironment.Host]);
        Assert.Equal("0.0.0.0", config[NodeEnvironment.ManagementHost]);
        foreach (var c in DeployFiles.Containers.Where(c => c.IsEncas && c.Ports.Count > 0))
        {
            var env = c.Node.Items("env").Single(e => e.Text("name") == NodeEnvironment.PublicHost);
            bool podIp = env.Text("valueFrom.fieldRef.fieldPath") == "status.podIP";
            bool podName = env.Text("value") is { } v && v.StartsWith("$(POD_NAME).", StringComparison.Ordinal);
            Assert.True(podIp || podName, $"{c}: {NodeEnvironment.PublicHost} must come from the downward API");
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
